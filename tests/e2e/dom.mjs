// DOM helpers shared by the e2e test files: the search box, talk cards and their disclosure
// buttons, and the facet checkboxes (found through their accessible roles and names).
import assert from 'node:assert/strict';
import { settle, stableIds, waitFor } from './harness.mjs';

export function searchBox(page) {
  return page.locator('input[type="search"]');
}

/** Replaces the search box's text in one input event, and resolves to the shown ids. */
export async function search(page, query) {
  await searchBox(page).fill(query);
  return stableIds(page, `after searching ${JSON.stringify(query)}`);
}

export function article(page, id) {
  return page.locator(`article[data-talk-id="${id}"]`);
}

/** A talk's disclosure button (`button.tc-toggle`). */
export function toggleOf(page, id) {
  return article(page, id).locator('button.tc-toggle');
}

/**
 * Asserts that the talk starts collapsed, clicks its disclosure `button` (by default
 * `toggleOf(page, id)`), waits until it reports expanded, and lets the page settle.
 */
export async function expand(page, id, button = toggleOf(page, id)) {
  assert.equal(await button.getAttribute('aria-expanded'), 'false', `${id} starts collapsed`);
  await button.click();
  await waitFor(async () => (await button.getAttribute('aria-expanded')) === 'true', {
    message: `${id} to expand`,
  });
  await settle(page);
}

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The checkbox of a facet value, by the facet's legend and the label's text before its count. */
export function facetBox(page, legend, name) {
  return page
    .getByRole('group', { name: legend, exact: true })
    .getByRole('checkbox', { name: new RegExp(`^\\s*${escapeRegExp(name)}\\s*\\(\\d+\\)\\s*$`) });
}

/** Ticks or unticks a facet checkbox and waits for the list to settle; resolves to the ids. */
export async function setFacet(page, legend, name, checked = true) {
  const box = facetBox(page, legend, name);
  await box.setChecked(checked);
  await waitFor(async () => (await box.isChecked()) === checked, {
    message: `${legend} ${name} to be ${checked ? 'ticked' : 'unticked'}`,
  });
  return stableIds(page, `after ${checked ? 'ticking' : 'unticking'} ${legend} ${name}`);
}
