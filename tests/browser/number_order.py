"""Reads, in the browser, the order in which a page shows each phone number's digit groups.

One function evaluated once per page returns everything found; the sweep of every page
(sweep.py) evaluates it on each right-to-left page it visits. The phone rule is
lmo.core.numbers' (and the schema's): a 0 then 9 or 10 more digits, written with spaces
between groups, 999, or 111 after "NHS".
"""

from __future__ import annotations

from typing import TypedDict

# The languages whose pages are read (by the sweep of every page, sweep.py).
RTL_LANGUAGES = ["ur"]


class Reversed(TypedDict):
    number: str
    linked: bool
    shown: str


class Findings(TypedDict):
    links: int
    numbers_in_text: int
    unlinked: list[str]
    measured: int
    unrendered: int
    reversed: list[Reversed]


MEASURE = r"""
() => {
  // Closed <details> lay nothing out: open them so every number has a place on screen.
  for (const d of document.querySelectorAll('details')) d.open = true;
  const SPACE = '[ \u00a0]';
  // As lmo.core.numbers: no digit, '#', '&', '+' or a separator-and-digit either side; a bare 111
  // is a count, "NHS 111" the number to call.
  const CANDIDATE = new RegExp(
    '(?<![\\d#&+])(?<![\\d][,.])(0\\d+(?:' + SPACE + '\\d+)*|999|(?<=NHS\\s)111)(?!\\d|[,.]\\d)',
    'g');
  const isPhone = (s) => {
    const digits = s.replace(/\D/g, '');
    return digits === '999' || digits === '111' || /^0\d{9,10}$/.test(digits);
  };
  // A run may go on into a following number ("01632 960100 7 days"): drop trailing groups.
  const phoneAt = (s) => {
    let groups = s.split(/[ \u00a0]/);
    while (groups.length && !isPhone(groups.join(' '))) groups = groups.slice(0, -1);
    return groups.length ? s.slice(0, groups.join(' ').length) : null;
  };
  const skip = (el) => el.closest('script, style, noscript, template, [hidden]') !== null;
  const rectOf = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    return rects.length ? rects[0] : null;
  };
  // Digit groups in logical order, each with where it is drawn; null if not drawn at all.
  const groupRects = (pieces) => {
    const out = [];
    for (const [node, start, end] of pieces) {
      const re = /\d+/g;
      const text = node.data.slice(start, end);
      let m;
      while ((m = re.exec(text)) !== null) {
        const rect = rectOf(node, start + m.index, start + m.index + m[0].length);
        if (rect === null) return null;
        out.push({ digits: m[0], rect });
      }
    }
    return out;
  };
  const inOrder = (groups) => {
    for (let i = 1; i < groups.length; i++) {
      const a = groups[i - 1].rect, b = groups[i].rect;
      const sameLine = Math.abs(a.top - b.top) < a.height / 2;
      if (sameLine ? b.left < a.right - 0.5 : b.top < a.top) return false;
    }
    return true;
  };
  // Digit groups left to right, as a reader dialling by hand sees them.
  const shown = (groups) =>
    [...groups].sort((x, y) => Math.abs(x.rect.top - y.rect.top) < x.rect.height / 2
      ? x.rect.left - y.rect.left : x.rect.top - y.rect.top).map((g) => g.digits).join(' ');
  const found = { links: 0, numbers_in_text: 0, unlinked: [], measured: 0, unrendered: 0,
                  reversed: [] };
  const judge = (number, linked, pieces) => {
    const groups = groupRects(pieces);
    if (groups === null) { found.unrendered++; return; }
    found.measured++;
    if (!inOrder(groups)) found.reversed.push({ number, linked, shown: shown(groups) });
  };
  for (const link of document.querySelectorAll('a[href^="tel:"]')) {
    if (skip(link)) continue;
    found.links++;
    if (isPhone(link.textContent)) found.numbers_in_text++;
    const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
    const pieces = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) pieces.push([n, 0, n.data.length]);
    judge(link.textContent.trim(), true, pieces);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent === null || skip(parent)) continue;
    // A link's number was counted with the link, whose text may be only "111".
    if (parent.closest('a[href^="tel:"]') !== null) continue;
    // A disclosure's label ("When to call 999") cannot hold a link, which would be a control
    // inside a control: its number is only read for order. The 999 link is beside it.
    const label = parent.closest('summary') !== null;
    for (const m of n.data.matchAll(CANDIDATE)) {
      const number = phoneAt(m[1]);
      if (number === null) continue;
      if (label) { judge(number, false, [[n, m.index, m.index + number.length]]); continue; }
      found.numbers_in_text++;
      found.unlinked.push(number);
      judge(number, false, [[n, m.index, m.index + number.length]]);
    }
  }
  return found;
}
"""
