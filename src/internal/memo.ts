/**
 * `make`, remembering its last result: called again with the same arguments (`===`), it returns that result
 * without making it again. A click reads the same settings, and an update renders the same lists, many times;
 * each read parsed and validated them again.
 */
export function lastCall<A extends unknown[], R>(make: (...args: A) => R): (...args: A) => R {
  let last: A | undefined;
  let result!: R;
  return (...args) => {
    const before = last;
    if (!before || args.some((arg, i) => arg !== before[i])) {
      result = make(...args);
      last = args;
    }
    return result;
  };
}
