import { describe, expect, it } from "vitest";
import { pickClientIp } from "./client-ip";

describe("pickClientIp", () => {
  it("with no proxy in front (0 hops), takes the socket's address whatever X-Forwarded-For says", () => {
    expect(pickClientIp(null, "198.51.100.7", 0)).toBe("198.51.100.7");
    expect(pickClientIp("1.2.3.4", "198.51.100.7", 0)).toBe("198.51.100.7");
    expect(pickClientIp("1.2.3.4, 5.6.7.8", "::ffff:198.51.100.7", 0)).toBe("198.51.100.7");
  });

  it("behind one proxy, takes the address that proxy appended, not what the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy (10.0.0.2) appended the real client.
    expect(pickClientIp("1.2.3.4, 203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
    expect(pickClientIp("203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
    expect(pickClientIp(" 203.0.113.9 ", "10.0.0.2", 1)).toBe("203.0.113.9");
  });

  it("behind two proxies, counts two hops from the right", () => {
    expect(pickClientIp("6.6.6.6, 203.0.113.9, 10.0.0.1", "10.0.0.2", 2)).toBe("203.0.113.9");
  });

  it("takes the leftmost known hop when there are fewer hops than proxies, and 'unknown' with none", () => {
    expect(pickClientIp(null, "198.51.100.7", 1)).toBe("198.51.100.7");
    expect(pickClientIp("", "", 0)).toBe("unknown");
    expect(pickClientIp(null, null, 0)).toBe("unknown");
  });

  it("without the socket's address (plain next start), uses the last X-Forwarded-For entry", () => {
    expect(pickClientIp("1.2.3.4, 203.0.113.9", null, 0)).toBe("203.0.113.9");
  });
});
