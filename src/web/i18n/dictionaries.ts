import { en } from './en';
import type { Lang, MessageKey } from './types';
import { zh } from './zh';

export const dictionaries: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { zh, en };
