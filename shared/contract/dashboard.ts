import { z } from 'zod';
import { defineChannel } from './channel';
import { Id, SavedFile } from './common';

const Year = z.number().int().min(2000).max(2100);

const Slice = z.object({ key: z.string(), label: z.string(), count: z.number().int() });

export const DashboardFilter = z.object({ year: Year, communityId: Id.optional() });
export type DashboardFilter = z.input<typeof DashboardFilter>;

export const Dashboard = z.object({
  year: Year,
  needsByStatus: z.array(Slice),
  needsByCategory: z.array(Slice),
  needsByCommunity: z.array(Slice.extend({ communityId: Id })),
  /** Projects of the year by status; `overdue` counts open ones past their 完成时限 today. */
  projectsByStatus: z.array(Slice),
  projectsOverdue: z.number().int(),
  supervision: z.object({ open: z.number().int(), overdue: z.number().int() }),
  /** Per month of the year: invited marks recorded and 出席 among them. */
  attendanceByMonth: z.array(
    z.object({ month: z.string(), invited: z.number().int(), present: z.number().int(), rate: z.number().nullable() }),
  ),
  hoursByUnit: z.array(z.object({ unitId: Id, unitName: z.string(), hours: z.number() })),
  /** Needs raised in the year (not 不予受理) and how many were matched to a project within 30 days. */
  matching: z.object({ needs: z.number().int(), matchedIn30: z.number().int(), rate: z.number().nullable() }),
  totals: z.object({
    needs: z.number().int(),
    projects: z.number().int(),
    members: z.number().int(),
    hours: z.number(),
  }),
});
export type Dashboard = z.infer<typeof Dashboard>;

const Png = z.object({
  title: z.string().min(1).max(100),
  /** base64 of a PNG the renderer drew from the chart's SVG; 8 MB cap. */
  pngBase64: z.string().min(1).max(11_000_000),
});

export const dashboardChannels = {
  'dashboard.summary': defineChannel(DashboardFilter, Dashboard),
  'dashboard.savePng': defineChannel(Png, SavedFile),
  /** 年度工作总结 data pack: the year's figures and tables with the dashboard's charts as images. */
  'dashboard.exportYearReport': defineChannel(
    z.object({ year: Year, charts: z.array(Png).max(12).default([]) }),
    SavedFile,
  ),
};
