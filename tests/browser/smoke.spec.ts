import { test, expect, mount, SEED_NOTICE } from './fixtures.js';

test('smoke', async ({ page, warnings }) => {
  await mount(page, { attrs: 'policy-url="/cerez-politikasi"' });
  const region = page.getByRole('region', { name: 'Çerezler' });
  await expect(region).toBeVisible();
  await expect(region.getByText(SEED_NOTICE[0])).toBeVisible();
  await page.screenshot({ path: '/tmp/smoke.png' });
  expect(warnings).toEqual([]);
});
