import { createContext } from 'preact';
import type { CaptureModeSetting } from '../capture/capture-mode';

/**
 * What the panel asks of its host, injected so the panel runs the same in DevTools, as a pop-out
 * tab, in a plain page and in Node tests. The extension's mount provides the real one.
 */
export interface PanelPlatform {
  /** Puts text on the clipboard. */
  copyText(text: string): Promise<void>;
  /** Offers a file to save (an export). */
  saveFile(name: string, mime: string, text: string): void;
  /** Opens this panel as a normal tab for the same inspected tab; null where that makes no sense. */
  readonly openPopout: (() => void) | null;
  /** The extension's capture mode; null outside the extension (no background to switch). */
  readonly captureMode: CaptureModeSetting | null;
}

/** Works in any page: clipboard API where allowed (not always in DevTools frames), else a textarea. */
export const documentPlatform: PanelPlatform = {
  async copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
  },
  saveFile(name, mime, text) {
    const url = URL.createObjectURL(new Blob([text], { type: mime }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  openPopout: null,
  captureMode: null,
};

export const PlatformContext = createContext<PanelPlatform>(documentPlatform);
