/**
 * Publication channels (公开渠道) of the seed: the portal is served by this system; the others get an export
 * (text, image, printable page) and publishing to them is a recorded act (channel, when, who). The annual
 * report's counts by channel (the seed's 358 on the portal, 18 on WeChat, 960 on notice boards and LED
 * screens) are counted from those records.
 */

/** Every channel key with its Chinese name, in the order the UI lists them. */
export const CHANNELS = {
  portal: '政府网站（政府信息公开平台）',
  'service-portal': '政务服务网',
  wechat: '政务微信公众号',
  'notice-board': '公开栏',
  led: 'LED显示屏',
  print: '印发办事指南和手册',
  'reading-point': '政府信息公开查阅点',
} as const;

/** A channel key. */
export type Channel = keyof typeof CHANNELS;

/** Every channel key. */
export const CHANNEL_KEYS = Object.keys(CHANNELS) as Channel[];

/** Whether a string is a channel key. */
export function isChannel(value: string): value is Channel {
  return Object.hasOwn(CHANNELS, value);
}

/** Channels that are public on the internet (the 保密审查表 asks about fitness for each). */
export const INTERNET_CHANNELS: readonly Channel[] = ['portal', 'service-portal', 'wechat'];
