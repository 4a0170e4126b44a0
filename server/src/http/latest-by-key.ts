/**
 * One value at a time, made for the latest key it is asked with (the record's revision and day): a new
 * key makes it afresh, the same key shares it — even while it is being made. A failed making is not
 * kept, so the next request tries again instead of failing until the key changes.
 */
export function latestByKey<T>(make: (key: string) => Promise<T>): (key: string) => Promise<T> {
  let latest: { key: string; value: Promise<T> } | null = null;
  return (key) => {
    if (latest?.key !== key) {
      const value = make(key);
      latest = { key, value };
      value.catch(() => {
        if (latest?.value === value) latest = null;
      });
    }
    return latest.value;
  };
}
