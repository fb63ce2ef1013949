import { describe, expect, it } from 'vitest';
import type { ChannelName, Input, Output } from '../../shared/contract';
import { useE2E } from './harness';

describe('全局搜索 in the real UI', () => {
  const e2e = useE2E();

  it('Ctrl+K opens one box; 1- and 3-character terms find records grouped by kind, marked; Enter opens the record', async () => {
    const { page, host } = e2e;
    const call = async <C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>> => {
      const r = await e2e.core.dispatch(channel, input);
      if (!r.ok) throw new Error(r.message);
      return r.value as Output<C>;
    };
    await call('settings.save', { streetName: '城东街道', committeeName: '城东街道大工委' });
    const community = await call('communities.save', { name: '东风社区', grids: ['第一网格'] });
    await call('units.save', { name: '区人民医院', category: '医院' });
    await call('needs.save', {
      communityId: community.id,
      title: '独居老人助餐服务',
      description: '辖区独居老人约40人，希望提供午间助餐',
      category: '养老',
      raisedOn: '2025-09-01',
    });
    await page.goto(host.url);
    await page.getByRole('heading', { name: '工作台' }).waitFor();

    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: '全局搜索' });
    const box = dialog.getByLabel('搜索内容');
    await box.fill('餐');
    const needs = dialog.getByRole('group', { name: '需求清单' });
    await expect.poll(() => needs.getByRole('option').count()).toBe(1);
    expect(await needs.getByRole('option').locator('mark').first().textContent()).toBe('餐');

    await box.fill('人民医');
    const units = dialog.getByRole('group', { name: '共建单位' });
    await expect.poll(() => units.getByRole('option').count()).toBe(1);
    expect(await units.locator('mark').first().textContent()).toBe('人民医');

    await box.fill('不存在的内容');
    await expect.poll(() => dialog.getByText('没有找到包含“不存在的内容”的记录。').count()).toBe(1);

    await box.fill('老人助餐');
    await expect.poll(() => needs.getByRole('option').count()).toBe(1);
    await page.screenshot({ path: 'test-results/screenshots/search-dialog.png' });
    await box.press('Enter');
    const editing = page.getByRole('dialog', { name: '编辑需求' });
    await editing.waitFor();
    await expect.poll(() => editing.getByLabel('需求名称').inputValue()).toBe('独居老人助餐服务');
  });
});
