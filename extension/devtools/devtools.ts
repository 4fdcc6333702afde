import browser from 'webextension-polyfill';

/** The devtools page has one job: add the CORS tab to DevTools. */
void browser.devtools.panels.create('CORS', '', '/extension/panel/panel.html');
