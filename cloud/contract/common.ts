import { z } from 'zod';

/** Ids are decimal strings (bigint in the database). */
export const idSchema = z.string({ error: '必须是字符串编号' }).regex(/^[1-9][0-9]{0,17}$/, '编号格式不正确');

export const pagingShape = {
  page: z.number({ error: '页码必须是数字' }).int('页码必须是整数').min(1, '页码从 1 开始').optional(),
  pageSize: z
    .number({ error: '每页条数必须是数字' })
    .int('每页条数必须是整数')
    .min(1, '每页至少 1 条')
    .max(100, '每页最多 100 条')
    .optional(),
};

export const DEFAULT_PAGE_SIZE = 20;

/** ISO-8601 with an explicit offset, e.g. 2026-11-23T09:00:00+08:00. */
export const isoDateTime = z.iso.datetime({ offset: true, error: '时间格式应为 ISO-8601 且带时区' });

/** Free text search: trimmed, at most 50 characters; empty means no filter. */
export const searchText = z.string({ error: '搜索词必须是文字' }).trim().max(50, '搜索词最多 50 字').optional();
