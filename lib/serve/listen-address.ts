/**
 * What `npm start` prints about its socket: the address it really listens
 * on, so that "localhost" is never printed for a server every interface
 * can reach.
 */
import type { AddressInfo } from "node:net";

/** `http://127.0.0.1:3000`, or for every interface `http://localhost:3000 (all interfaces, [::]:3000)`. */
export function describeListenAddress({ address, family, port }: Pick<AddressInfo, "address" | "family" | "port">): string {
  const shown = family === "IPv6" ? `[${address}]` : address;
  const everyInterface = address === "::" || address === "0.0.0.0";
  return everyInterface ? `http://localhost:${port} (all interfaces, ${shown}:${port})` : `http://${shown}:${port}`;
}
