/** Add `item` to the list `map` keeps under `key`, in place: copying the list each time is quadratic at a territory's size. */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
