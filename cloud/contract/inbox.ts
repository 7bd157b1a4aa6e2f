import { z } from 'zod';
import { idSchema, pagingShape } from './common';
import type { Page } from './envelope';

export const inboxInput = {
  list: z.object({ unreadOnly: z.boolean().optional(), ...pagingShape }).strict(),
  read: z
    .object({ id: idSchema.optional(), all: z.literal(true).optional() })
    .strict()
    .refine((v) => v.id || v.all, { message: '请指定消息编号或 all', path: ['id'] }),
};

export interface InboxMessage {
  id: string;
  orderId: string | null;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
}

export interface InboxPage extends Page<InboxMessage> {
  unread: number;
}
