// The size budget: npm test fails when the returning-visit or first-visit brotli size grows past
// size-budget.json. Runs after `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { measure, overBudget } from '../../scripts/size.mjs';

const budget = JSON.parse(readFileSync(new URL('../../size-budget.json', import.meta.url), 'utf8'));
const measured = measure();

test('a returning visit loads only the module, within the budget', () => {
  assert.deepEqual(measured.returning.files, ['dist/cookie-consent-banner.js']);
  assert.deepEqual(overBudget({ ...measured, first: { brotli: 0 } }, budget), []);
});

test('a first visit loads the module and the view, within the budget', () => {
  assert.equal(measured.first.files.length, 2);
  assert.deepEqual(overBudget({ ...measured, returning: { brotli: 0 } }, budget), []);
});

test('the check fails when a budget is exceeded', () => {
  const tight = { returning: { brotli: measured.returning.brotli - 1 }, first: { brotli: measured.first.brotli - 1 } };
  assert.deepEqual(overBudget(measured, tight), [
    `returning visit: ${measured.returning.brotli} B brotli is over the budget of ${measured.returning.brotli - 1} B`,
    `first visit: ${measured.first.brotli} B brotli is over the budget of ${measured.first.brotli - 1} B`,
  ]);
});
