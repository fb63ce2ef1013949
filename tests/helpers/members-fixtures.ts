import type { TestCore } from './core';

/** Directory fixtures for the members/evaluation tests: communities and units created through the channels. */
export async function seedDirectory(core: TestCore) {
  const east = await core.call('communities.save', { name: '东风社区', grids: ['一网格'] });
  const west = await core.call('communities.save', { name: '西湖社区' });
  const a = await core.call('units.save', { name: '区人社局', category: '机关' });
  const b = await core.call('units.save', { name: '市第一医院', category: '事业单位' });
  const c = await core.call('units.save', { name: '城建集团', category: '国有企业' });
  return { east, west, a, b, c };
}

/** Adds `n` members of a unit reporting to a community, named 党员1.. with a prefix. */
export async function addMembers(core: TestCore, n: number, unitId: number, communityId: number, prefix: string) {
  const ids: number[] = [];
  for (let i = 1; i <= n; i++) {
    const m = await core.call('members.save', {
      name: `${prefix}${i}`,
      unitId,
      communityId,
      reportedOn: '2025-03-01',
      post: '环境整治',
      phone: `1381234${String(1000 + i).slice(-4)}`,
    });
    ids.push(m.id);
  }
  return ids;
}
