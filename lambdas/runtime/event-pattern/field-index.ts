/** A node of the trie of dotted field paths a pattern reads. */
export interface FieldNode {
  readonly children: ReadonlyMap<string, FieldNode>;
  /** Index of the field that ends here, if one does. */
  readonly field: number | undefined;
}

/**
 * The field paths a compiled pattern reads, numbered, as a trie over their dot-separated steps. Events
 * are walked along the trie only, so the parts of large events no pattern looks at are never visited.
 */
export interface FieldIndex {
  readonly root: FieldNode;
  readonly ids: ReadonlyMap<string, number>;
}

interface MutableNode {
  readonly children: Map<string, MutableNode>;
  field: number | undefined;
}

const node = (): MutableNode => ({ children: new Map(), field: undefined });

/**
 * @example
 * fieldIndex(['detail.state']).root.children.get('detail')?.children.get('state')?.field; // 0
 */
export const fieldIndex = (names: Iterable<string>): FieldIndex => {
  const root = node();
  const ids = new Map<string, number>();
  for (const name of names) {
    if (ids.has(name)) continue;
    let current = root;
    for (const step of name.split('.')) {
      let next = current.children.get(step);
      if (next === undefined) {
        next = node();
        current.children.set(step, next);
      }
      current = next;
    }
    current.field = ids.size;
    ids.set(name, ids.size);
  }
  return { root, ids };
};

/*
 * AWS joins path steps with dots, so an event key that itself contains dots ("state.status") names the
 * same field as the nested keys; following each dot-separated part through the trie reproduces that.
 */
const followDotted = (from: FieldNode, key: string): FieldNode | undefined => {
  let current: FieldNode | undefined = from;
  for (const step of key.split('.')) {
    current = current.children.get(step);
    if (current === undefined) return undefined;
  }
  return current;
};

/**
 * The trie node an event key leads to from `from`, or undefined when no pattern field lies below it.
 *
 * @example
 * childNode(index.root, 'detail');
 */
export const childNode = (from: FieldNode, key: string): FieldNode | undefined =>
  key.includes('.') ? followDotted(from, key) : from.children.get(key);
