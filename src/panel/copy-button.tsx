import type { ComponentChildren } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { PlatformContext } from './platform';

/** A small button that copies `text` and says so. */
export function CopyButton({ text, label, children }: { text: string; label: string; children?: ComponentChildren }) {
  const platform = useContext(PlatformContext);
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      class="copy"
      aria-label={label}
      title={label}
      onClick={() => {
        void platform.copyText(text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1200);
        });
      }}
    >
      {copied ? 'Copied' : (children ?? 'Copy')}
    </button>
  );
}
