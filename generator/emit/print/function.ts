import { isComment, TYPE_TEXT, WIDTH } from "./style.js";

/**
 * prettier's layout of the functions the emitter writes (see pretty.ts): guards (`isX(value: unknown): value is X`),
 * a flags enum's `splitXFlags` and `joinXFlags` with its overloads; one parameter each, one `return`.
 */

/** A declaration's head (1), its one parameter's name (2) and type (3), its return type (4), its end (5: ` {` or `;`). */
const SIGNATURE = /^(export function [\w$]+)\(([\w$]+): ([^()]+)\)(: (?:value is [\w$.]+|[\w$.]+(?:\[\])?(?: \| "")?))( \{|;)$/;
/** A cast of a call to a type or `""`, as `joinXFlags` returns: the call (1) and the type (2). */
const CAST = /^([\w$.]+\([\w$., ()]*\)) as ([\w$.]+ \| "")$/;

/** The signature flat if it fits, else its parameter on a line of its own (with a trailing comma). */
function signatureLayout(line: string): string[] | undefined {
  const match = SIGNATURE.exec(line);
  // Plain type syntax, `readonly X[]`, or a tuple with a rest element, `readonly [X, ...X[]]`.
  if (!match || !TYPE_TEXT.test(match[3]!.replace(/\.\.\.|^readonly /g, ""))) return undefined;
  if (line.length <= WIDTH) return [line];
  const parameter = `  ${match[2]}: ${match[3]},`;
  const close = `)${match[4]}${match[5]}`;
  return parameter.length <= WIDTH && close.length <= WIDTH ? [`${match[1]}(`, parameter, close] : undefined;
}

/**
 * `return X;` flat if it fits; a cast broken after `as`, its type on the next line; a logical `a && b` in
 * parentheses, on one line or one operand a line.
 */
function returnLayout(line: string): string[] | undefined {
  const body = /^ {2}return ([^\n\\'`{}]+);$/.exec(line)?.[1];
  if (!body) return undefined;
  if (line.length <= WIDTH) return [line];
  const cast = CAST.exec(body);
  if (cast) return `  return ${cast[1]} as`.length <= WIDTH && `    ${cast[2]};`.length <= WIDTH ? [`  return ${cast[1]} as`, `    ${cast[2]};`] : undefined;
  const parts = body.split(" && ");
  if (parts.length !== 2 || parts.some((p) => p.includes("&&") || p.includes("||"))) return undefined;
  if (`    ${body}`.length <= WIDTH) return ["  return (", `    ${body}`, "  );"];
  return ["  return (", `    ${parts[0]} &&`, `    ${parts[1]}`, "  );"];
}

/** Overload signatures (each after its doc comment), the implementation's signature, one `return`, `}`. */
export function functionLayout(code: readonly string[]): string[] | undefined {
  if (code.length < 3 || code[code.length - 1] !== "}") return undefined;
  const out: string[] = [];
  for (const line of code.slice(0, -3)) {
    const laidOut = isComment(line) ? [line] : line.endsWith(";") ? signatureLayout(line) : undefined;
    if (!laidOut) return undefined;
    out.push(...laidOut);
  }
  const head = code[code.length - 3]!.endsWith(" {") ? signatureLayout(code[code.length - 3]!) : undefined;
  const body = head && returnLayout(code[code.length - 2]!);
  return body ? [...out, ...head, ...body, "}"] : undefined;
}
