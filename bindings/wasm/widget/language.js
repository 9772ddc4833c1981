// Syntax highlighting for the plan language (a stream parser: line-oriented, like the grammar).
import { StreamLanguage, HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags as t } from "@lezer/highlight";

const BLOCKS = new Set(["plan", "team", "item", "epic", "scenario", "milestone"]);
const KEYWORDS = new Set([
  "after", "before", "capacity", "chance", "commit", "effort", "end", "epic", "firm", "focus", "grows",
  "hard", "hire", "holiday", "horizon", "in", "increment", "innovation", "iteration", "leave", "lend",
  "load", "max", "not", "note", "key", "on", "owner", "people", "per", "priority", "ramp", "reserve", "risk",
  "size", "start", "target", "team", "to", "uncertainty", "unit", "urgency", "vacancy", "value", "velocity",
  "workweek", "wsjf", "as", "of", "done", "remaining", "finished", "started", "by", "absent", "without",
  "add", "vacancies", "filled",
]);
const UNITS = new Set(["day", "days", "week", "weeks", "month", "months", "iterations", "person", "points"]);

export const planLanguage = StreamLanguage.define({
  name: "haalbaar-plan",
  startState: () => ({ block: false }),
  token(stream, state) {
    if (stream.eatSpace()) return null;
    if (stream.peek() === "#") {
      stream.skipToEnd();
      return "comment";
    }
    if (stream.peek() === '"') {
      stream.next();
      while (!stream.eol()) {
        const c = stream.next();
        if (c === "\\") stream.next();
        else if (c === '"') break;
      }
      return "string";
    }
    if (stream.match(/^\d{4}-\d{2}-\d{2}/) || stream.match(/^\d{4}-Q[1-4]/)) return "atom";
    if (stream.match(/^PI\d+(\.\d+)?/)) return "atom";
    if (stream.match(/^\d+(\.\d+)?%?/)) return "number";
    if (stream.match(/^\.\.|^\+/)) return "operator";
    if (stream.match(/^[{}]/)) return "brace";
    const word = stream.match(/^[A-Za-z_][A-Za-z0-9_.-]*/);
    if (word) {
      const w = word[0];
      const first = stream.string.slice(0, stream.start).trim() === "";
      if (first && BLOCKS.has(w)) {
        state.block = true;
        return "keyword";
      }
      if (first && KEYWORDS.has(w)) return "propertyName";
      if (KEYWORDS.has(w) || UNITS.has(w)) return "keyword";
      return "variableName";
    }
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: "#" } },
});

export const planHighlight = syntaxHighlighting(
  HighlightStyle.define([
    { tag: t.keyword, color: "#7b1fa2", fontWeight: "600" },
    { tag: t.propertyName, color: "#0b5394" },
    { tag: t.comment, color: "#6a737d", fontStyle: "italic" },
    { tag: t.string, color: "#1b6e20" },
    { tag: t.atom, color: "#b3470b" },
    { tag: t.number, color: "#b3470b" },
    { tag: t.operator, color: "#444" },
    { tag: t.variableName, color: "#202124" },
  ]),
);
