// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureMode, CaptureModeSetting } from '../../../src/capture/capture-mode';
import { App } from '../../../src/panel/app';
import { CaptureModeToggle } from '../../../src/panel/capture-mode-toggle';
import { documentPlatform, PlatformContext } from '../../../src/panel/platform';
import { useCaptureMode } from '../../../src/panel/use-capture-mode';
import { fakeBackground } from './fake-background';

afterEach(cleanup);

/** A setting held in memory, as storage.local holds it, that can refuse writes. */
function memorySetting(initial: CaptureMode, refuseWrites = false) {
  let stored = initial;
  const listeners = new Set<(mode: CaptureMode) => void>();
  const setting: CaptureModeSetting = {
    read: async () => stored,
    async write(mode) {
      if (refuseWrites) throw new Error('QUOTA_BYTES quota exceeded');
      stored = mode;
      for (const listener of listeners) listener(mode);
    },
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { setting, stored: () => stored, changeElsewhere: (mode: CaptureMode) => void setting.write(mode) };
}

function Toggle() {
  return <CaptureModeToggle capture={useCaptureMode()} />;
}

function mount(setting: CaptureModeSetting | null) {
  return render(
    <PlatformContext.Provider value={{ ...documentPlatform, captureMode: setting }}>
      <Toggle />
    </PlatformContext.Provider>,
  );
}

const box = () => screen.getByRole<HTMLInputElement>('checkbox', { name: 'Capture only while DevTools is open' });

describe('the capture mode checkbox', () => {
  it('shows the stored mode and stores the one chosen', async () => {
    const memory = memorySetting('always');
    mount(memory.setting);
    await waitFor(() => expect(box().checked).toBe(false));
    expect(document.getElementById(box().getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/requests made while DevTools is closed are not listed/);
    fireEvent.click(box());
    await waitFor(() => expect(memory.stored()).toBe('while-devtools-open'));
    expect(box().checked).toBe(true);
    fireEvent.click(box());
    await waitFor(() => expect(memory.stored()).toBe('always'));
  });

  it('follows a change made in another window', async () => {
    const memory = memorySetting('while-devtools-open');
    mount(memory.setting);
    await waitFor(() => expect(box().checked).toBe(true));
    memory.changeElsewhere('always');
    await waitFor(() => expect(box().checked).toBe(false));
  });

  it('shows what is stored, and says so, when the choice cannot be saved', async () => {
    const memory = memorySetting('always', true);
    mount(memory.setting);
    await waitFor(() => expect(box().checked).toBe(false));
    fireEvent.click(box());
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('could not save the capture mode'));
    expect(box().checked).toBe(false);
    expect(memory.stored()).toBe('always');
  });

  it('is not there outside the extension', () => {
    const { container } = mount(null);
    expect(container.textContent).toBe('');
  });
});

describe('the empty list', () => {
  const emptyPanel = (setting: CaptureModeSetting) =>
    render(
      <PlatformContext.Provider value={{ ...documentPlatform, captureMode: setting }}>
        <App client={fakeBackground([]).client} unexpected={() => false} />
      </PlatformContext.Provider>,
    );

  it('says why it may be empty when capture runs only while DevTools is open', async () => {
    emptyPanel(memorySetting('while-devtools-open').setting);
    await waitFor(() => expect(screen.getByText(/requests made before it opened are not listed/)).toBeTruthy());
  });

  it('says nothing of it when capture runs always', async () => {
    emptyPanel(memorySetting('always').setting);
    await waitFor(() => expect(box().checked).toBe(false));
    expect(screen.getByText(/No cross-origin requests match/).textContent).not.toMatch(/not listed/);
  });
});
