import { byName, compareStrings } from "../generator/order.js";

test("compareStrings is UTF-16 code-unit order, not the locale's", () => {
  const words = ["b", "a", "B", "Z", "é", "e", "aa", "", "a_b", "a-b", "\u{1F600}", "\uFFFF"];
  expect([...words].sort(compareStrings)).toEqual([...words].sort());
  expect(compareStrings("Z", "a")).toBe(-1);
  expect(compareStrings("a", "a")).toBe(0);
  expect(compareStrings("é", "z")).toBe(1);
  expect([{ name: "b" }, { name: "A" }, { name: "a" }].sort(byName).map((x) => x.name)).toEqual(["A", "a", "b"]);
});
