/** Renders text where `backticks` mark code, as text nodes only (values come from pages). */
export function InlineCode({ text }: { text: string }) {
  const parts = text.split('`');
  return <>{parts.map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>;
}
