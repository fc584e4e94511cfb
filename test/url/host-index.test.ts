import { describe, expect, it } from "vitest";
import { Host, HostIndex } from "../../src/url/host-index.js";

interface R {
  readonly id: string;
  readonly hosts?: readonly string[];
  readonly hostPattern?: RegExp;
}

const rules: R[] = [
  { id: "any" },
  { id: "mc", hosts: ["list-manage.com", "list-manage1.com"] },
  { id: "google", hosts: ["google.*"] },
  { id: "kit", hostPattern: /^open\.convertkit-mail\d*\.com$/ },
  { id: "sub", hosts: ["t.example.com"], hostPattern: /^eu\./ },
];
const index = new HostIndex(rules);
const ids = (host: string): string[] => index.matching(new Host(host)).map((rule) => rule.id);

describe("HostIndex", () => {
  it.each([
    ["us2.list-manage.com", ["any", "mc"]],
    ["list-manage1.com", ["any", "mc"]],
    ["xlist-manage.com", ["any"]],
    ["list-manage.com.evil.example", ["any"]],
    ["www.google.co.uk", ["any", "google"]],
    ["google.evil.example", ["any"]],
    ["open.convertkit-mail4.com", ["any", "kit"]],
    ["x.open.convertkit-mail4.com", ["any"]],
    ["eu.t.example.com", ["any", "sub"]],
    ["us.t.example.com", ["any"]],
    ["cdn.example", ["any"]],
  ] as [string, string[]][])("%s -> %j", (host, expected) => {
    expect(ids(host)).toEqual(expected);
  });

  it("answers the same from its memo, in rule order", () => {
    expect(ids("us2.list-manage.com")).toEqual(ids("us2.list-manage.com"));
    const reversed = new HostIndex([...rules].reverse());
    expect(reversed.matching(new Host("us2.list-manage.com")).map((rule) => rule.id)).toEqual(["mc", "any"]);
  });

  it("returns nothing when no rule is host-less and none names the host", () => {
    const named = new HostIndex([{ id: "mc", hosts: ["list-manage.com"] }]);
    expect(named.matching(new Host("cdn.example"))).toEqual([]);
  });
});
