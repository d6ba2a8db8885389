const PLAIN_KEY = /^[A-Za-z0-9_$-]+$/;

/**
 * Appends an object key to a JSONPath-like location (`$.detail["a b"]`), used to point errors at the part
 * of a pattern or event that is wrong.
 *
 * @example
 * childPath('$', 'detail-type'); // '$.detail-type'
 */
export const childPath = (path: string, key: string): string =>
  PLAIN_KEY.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

/**
 * @example
 * indexPath('$.detail.state', 0); // '$.detail.state[0]'
 */
export const indexPath = (path: string, index: number): string => `${path}[${index}]`;
