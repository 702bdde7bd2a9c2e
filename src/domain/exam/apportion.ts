/**
 * Splits `total` seats between groups in proportion to their `sizes` by largest remainder
 * (Hamilton's method), never giving a group more than its size. With `atLeastOne`, every
 * non-empty group gets a seat first when there are enough seats, so small topics show up.
 * Ties go to the earlier group, so the result is deterministic.
 */
export function apportion(total: number, sizes: readonly number[], atLeastOne: boolean): number[] {
  const everyGroup = atLeastOne && sizes.filter((size) => size > 0).length <= total
  const seats = sizes.map((size): number => (everyGroup && size > 0 ? 1 : 0))
  let left = Math.min(total, sum(sizes)) - sum(seats)
  while (left > 0) {
    const room = sizes.map((size, i) => size - (seats[i] ?? 0))
    const roomTotal = sum(room)
    const quotas = room.map((r) => (r * left) / roomTotal)
    const whole = quotas.map((q, i) => Math.min(Math.floor(q), room[i] ?? 0))
    let given = sum(whole)
    const order = quotas.map((q, i) => ({ i, rest: q - Math.floor(q) })).sort((a, b) => b.rest - a.rest || a.i - b.i)
    for (const { i } of order) {
      if (given >= left) break
      if ((whole[i] ?? 0) < (room[i] ?? 0)) {
        whole[i] = (whole[i] ?? 0) + 1
        given++
      }
    }
    for (const [i, w] of whole.entries()) seats[i] = (seats[i] ?? 0) + w
    left -= given
  }
  return seats
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}
