/** The one way the widget builds DOM: attributes by name, children as nodes or text (never HTML). */
export type Attrs = Record<string, string | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : value);
  }
  node.append(...children);
  return node;
}

export function button(label: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

let counter = 0;
/** Ids unique within the widget's shadow root, for aria-labelledby/-describedby. */
export function uid(prefix: string): string {
  counter += 1;
  return `ms-${prefix}-${counter}`;
}
