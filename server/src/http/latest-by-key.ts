/**
 * One value at a time, made for the latest key it is asked with (the record's revision and day): a new
 * key makes it afresh, the same key shares it — even while it is being made. A failed making is not
 * kept, so the next request tries again instead of failing until the key changes. Further arguments (the
 * snapshot to read from) go to `make` when the key is new.
 */
export function latestByKey<T, A extends unknown[] = []>(
  make: (key: string, ...args: A) => Promise<T>,
): (key: string, ...args: A) => Promise<T> {
  let latest: { key: string; value: Promise<T> } | null = null;
  return (key, ...args) => {
    if (latest?.key !== key) {
      const value = make(key, ...args);
      latest = { key, value };
      value.catch(() => {
        if (latest?.value === value) latest = null;
      });
    }
    return latest.value;
  };
}
