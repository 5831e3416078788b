// The only way this webview creates elements: strings always become text nodes or attribute
// values, never markup, so text from an image (labels, CreatedBy, file names) cannot inject HTML.
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  title?: string;
  role?: string;
  tabIndex?: number;
  id?: string;
  type?: string;
  value?: string;
  checked?: boolean;
  disabled?: boolean;
  placeholder?: string;
  style?: Partial<Record<'width' | 'height' | 'top' | 'paddingLeft', string>>;
  /** aria-* and data-* attributes. */
  attrs?: Record<string, string | number | boolean>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (e: HTMLElementEventMap[K]) => void }>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.title !== undefined) node.title = props.title;
  if (props.role) node.setAttribute('role', props.role);
  if (props.tabIndex !== undefined) node.tabIndex = props.tabIndex;
  if (props.id) node.id = props.id;
  const input = node as unknown as HTMLInputElement;
  if (props.type !== undefined) input.type = props.type;
  if (props.value !== undefined) input.value = props.value;
  if (props.checked !== undefined) input.checked = props.checked;
  if (props.disabled !== undefined) input.disabled = props.disabled;
  if (props.placeholder !== undefined) input.placeholder = props.placeholder;
  if (props.style) Object.assign(node.style, props.style);
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, String(value));
  for (const [name, handler] of Object.entries(props.on ?? {})) node.addEventListener(name, handler as EventListener);
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces the children of `parent`. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/** Roving focus over a list of elements: arrows move, Home/End jump. Returns true when it handled the key. */
export function moveFocus(items: HTMLElement[], current: number, key: string): boolean {
  const next = key === 'ArrowDown' ? current + 1 : key === 'ArrowUp' ? current - 1
    : key === 'Home' ? 0 : key === 'End' ? items.length - 1 : undefined;
  if (next === undefined || next < 0 || next >= items.length) return next !== undefined;
  items[current]?.setAttribute('tabindex', '-1');
  items[next].setAttribute('tabindex', '0');
  items[next].focus();
  return true;
}
