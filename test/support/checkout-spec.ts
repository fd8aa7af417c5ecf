// The small PRD the editor tests share: front matter that makes it a PM spec, a title and a written
// Problem, then whatever sections a test needs (`checkoutSpec('## Goals\n\nTODO\n')`). Tests that assert
// on lines count from here: the title is line 7, Problem's heading line 9 and its text line 11.
const HEAD = `---
specroles: 1
type: prd
title: Checkout
owner: pm
---
# Checkout

## Problem

Shoppers abandon carts on mobile because checkout takes three screens.
`;

/** The shared head, a blank line, and `rest`. */
export function checkoutSpec(rest: string): string {
  return `${HEAD}\n${rest}`;
}

/** A section the PMM owns, declared as the PM's: one section-owner-mismatch finding. */
export const MISDECLARED_MESSAGING = '## Messaging <!-- owner: pm -->\n\nOne checkout, every wallet.\n';
