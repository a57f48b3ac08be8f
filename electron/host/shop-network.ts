import type { CoreOptions } from '../core/core';

/**
 * REGULARS_SHOP_NETWORK=<host>:<port>: where browser mode serves a shared book on the shop's
 * network (end-to-end tests: 127.0.0.1 and a port of their own, so two hosts on one computer
 * never meet anything but each other). Unset, the core's default: every interface, port 47800.
 */
export const shopNetworkFromEnvironment = (value = process.env.REGULARS_SHOP_NETWORK): CoreOptions['shopNetwork'] => {
  if (!value) return undefined;
  const match = /^(.+):(\d{1,5})$/.exec(value);
  if (match === null || Number(match[2]) > 65_535) {
    console.error(`REGULARS_SHOP_NETWORK is not <host>:<port>: ${value}`);
    process.exit(2);
  }
  return { host: match[1]!, port: Number(match[2]) };
};
