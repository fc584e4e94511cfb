// Responsive mail patterns, written for the phone check of browser.test.ts (issue 8, "Phones"): blocks that only a
// phone shows (hidden inline, revealed by `@media`), blocks that only a desktop shows, and Outlook's `mso-hide:all`.
// Images inside take their size from a class, as real mail does, or from attributes. Each mail also holds one
// 1x1 tracker, the only URL stripping may remove.

/** The tracker every mail holds: a 1x1 image, removed by the default preset. */
export const responsiveTracker = "https://t.example/open.gif";

/** A responsive mail and the images (absolute URLs) a reader sees in it, on a phone (375 px) and a desktop (800 px). */
export interface ResponsiveMail {
  readonly title: string;
  readonly html: string;
  readonly phone: readonly string[];
  readonly desktop: readonly string[];
}

const tracker = `<img src="${responsiveTracker}" width="1" height="1" alt="">`;
const cdn = "https://cdn.example/responsive";

export const responsiveMails: readonly ResponsiveMail[] = [
  {
    title: "hidden mobile block revealed by @media, unsized images sized by a class",
    html: `<!DOCTYPE html><html><head><style>
.full { width: 100%; height: auto; }
@media only screen and (max-width: 600px) {
  .show-mobile { display: block !important; width: auto !important; max-height: none !important; overflow: visible !important; }
  .hide-mobile { display: none !important; }
}
</style></head><body>
<div class="hide-mobile"><img src="${cdn}/1/desktop-banner.png" width="600" height="200" alt="Winter sale"></div>
<div class="show-mobile" style="display:none;width:0;max-height:0;overflow:hidden"><img class="full" src="${cdn}/1/mobile-banner.png" alt="Winter sale"></div>
<p>Everything half price this week.</p>${tracker}
</body></html>`,
    phone: [`${cdn}/1/mobile-banner.png`, responsiveTracker],
    desktop: [`${cdn}/1/desktop-banner.png`, responsiveTracker],
  },
  {
    title: "hidden desktop block, and a mobile block with sized images revealed by an attribute selector",
    html: `<!DOCTYPE html><html><head><style>
@media screen and (max-width: 480px) {
  table[class=desktop-only] { display: none !important; }
  *[class].mobile-only { display: block !important; max-height: none !important; }
}
</style></head><body>
<img src="${cdn}/2/logo.png" width="120" height="40" alt="ACME">
<table class="desktop-only" width="600"><tr><td><img src="${cdn}/2/wide-hero.jpg" width="600" height="250" alt="Hero"></td></tr></table>
<div class="mobile-only" style="display:none;max-height:0;overflow:hidden"><img src="${cdn}/2/narrow-hero.jpg" width="320" height="320" alt="Hero"></div>
${tracker}
</body></html>`,
    phone: [`${cdn}/2/logo.png`, `${cdn}/2/narrow-hero.jpg`, responsiveTracker],
    desktop: [`${cdn}/2/logo.png`, `${cdn}/2/wide-hero.jpg`, responsiveTracker],
  },
  {
    title: "mso-hide:all blocks (hidden from Outlook only) and an Outlook-only image",
    html: `<!DOCTYPE html><html><head><style>
.fluid { width: 100%; max-width: 560px; height: auto; }
@media only screen and (max-width: 599px) { .phone-menu { display: block !important; max-height: none !important; } }
</style></head><body>
<div style="mso-hide:all"><img class="fluid" src="${cdn}/3/animated-header.gif" alt="Header"></div>
<!--[if mso]><img src="${cdn}/3/outlook-header.png" width="560" height="120" alt="Header"><![endif]-->
<!--[if !mso]><!--><div class="phone-menu" style="display:none;max-height:0;overflow:hidden;mso-hide:all">
<a href="https://shop.example/menu"><img class="fluid" src="${cdn}/3/menu.png" alt="Menu"></a></div><!--<![endif]-->
<p>News.</p>${tracker}
</body></html>`,
    phone: [`${cdn}/3/animated-header.gif`, `${cdn}/3/menu.png`, responsiveTracker],
    desktop: [`${cdn}/3/animated-header.gif`, responsiveTracker],
  },
  {
    title: "hidden mobile table with images sized by img[class=...] inside @media",
    html: `<!DOCTYPE html><html><head><style>
@media only screen and (max-width: 600px) {
  img[class="stretch"] { width: 100% !important; height: auto !important; }
  table[class="mobile-table"] { display: table !important; width: 100% !important; max-height: none !important; }
}
</style></head><body>
<table class="mobile-table" width="600" style="display:none;width:0;max-height:0;overflow:hidden"><tr>
<td><img class="stretch" src="${cdn}/4/offer-1.jpg" alt="Offer"></td></tr><tr>
<td><img class="stretch" src="${cdn}/4/offer-2.jpg" alt="Offer"></td></tr></table>
<p>Offers inside.</p>${tracker}
</body></html>`,
    phone: [`${cdn}/4/offer-1.jpg`, `${cdn}/4/offer-2.jpg`, responsiveTracker],
    desktop: [responsiveTracker],
  },
  {
    // Adversarial review (issue 11): the class shrinks the image to nothing, a phone's @media shows it full width.
    title: "an image a class shrinks to nothing on desktops and @media shows full width on phones",
    html: `<!DOCTYPE html><html><head><style>
.m { display: none; width: 0; max-height: 0; overflow: hidden; }
@media (max-width: 480px) {
  .m { display: block !important; width: 100% !important; max-height: none !important; height: auto !important; }
}
</style></head><body>
<img class="m" src="${cdn}/5/hero.jpg" alt="Hero">
<p>New season.</p>${tracker}
</body></html>`,
    phone: [`${cdn}/5/hero.jpg`, responsiveTracker],
    desktop: [responsiveTracker],
  },
  {
    title: "a rule that shrinks an image, and an @media rule for every screen that sizes it back",
    html: `<!DOCTYPE html><html><head><style>
.h { width: 1px; height: 1px; }
@media screen { .h { width: 300px; height: 100px; } }
</style></head><body>
<img class="h" src="${cdn}/6/banner.png" alt="Banner">
${tracker}
</body></html>`,
    phone: [`${cdn}/6/banner.png`, responsiveTracker],
    desktop: [`${cdn}/6/banner.png`, responsiveTracker],
  },
  // Adversarial review (issue 11): the size and hiding model read less than the browser, and a visible image went.
  ...sizeAndHidingCases(),
];

/**
 * Mails where a selector, a property or a document mode the size and hiding model did not read showed an image
 * it took for a pixel or for hidden: one image each (an opaque token in its URL where it hides), and the tracker.
 */
function sizeAndHidingCases(): ResponsiveMail[] {
  const cases: [title: string, html: (image: string) => string, doctype?: string][] = [
    ["a rule with an ancestor in its selector sizes back what a class rule shrinks",
      (image) => `<style>.px{width:1px;height:1px} body .px{width:300px;height:100px}</style><img class="px" src="${image}" alt="Banner">`],
    ["a rule's selector only its subject of which is read (a pseudo-class)",
      (image) => `<style>.px{width:1px;height:1px} .px:not(.other){width:300px;height:100px}</style><img class="px" src="${image}" alt="Banner">`],
    ["zoom enlarges an image a class shrinks",
      (image) => `<style>.px{width:1px;height:1px;zoom:300}</style><img class="px" src="${image}" alt="Banner">`],
    ["all: unset resets a class rule's size",
      (image) => `<style>.px{width:1px;height:1px}.px{all:unset}</style><img class="px" src="${image}" alt="Banner">`],
    ["a size with !important twice is invalid: dropped",
      (image) => `<style>.px{width:1px!important!important;height:1px!important!important}</style><img class="px" src="${image}" alt="Banner">`],
    ["without a doctype (quirks mode), class selectors match ignoring case",
      (image) => `<style>.px{width:1px;height:1px}.PX{width:300px;height:100px}</style><img class="px" src="${image}" alt="Banner">`, ""],
    ["visibility: visible shows an image inside a visibility: hidden block",
      (image) => `<div style="visibility:hidden"><p>Hidden</p><img style="visibility:visible" src="${image}" width="300" height="100" alt="Banner"></div>`],
    ["max-height: 0 without overflow: hidden lets what it holds show",
      (image) => `<div style="max-height:0"><img src="${image}" width="300" height="100" alt="Banner"></div>`],
    ["display: block wins over the hidden attribute",
      (image) => `<div hidden style="display:block"><img src="${image}" width="300" height="100" alt="Banner"></div>`],
    ["a zero height with padding (the responsive-embed box) shows what it holds",
      (image) => `<div style="position:relative;height:0;padding-bottom:56%;overflow:hidden"><img src="${image}" width="300" height="100" alt="Banner"></div>`],
    ["a table cell with a zero height grows to what it holds",
      (image) => `<table><tr><td style="height:0;overflow:hidden"><img src="${image}" width="300" height="100" alt="Banner"></td></tr></table>`],
    ["an image foster-parented out of a table is not hidden by the table's rule",
      (image) => `<style>.h img{display:none}</style><table class="h"><img src="${image}" width="300" height="100" alt="Banner"><tr><td>x</td></tr></table>`],
    ["visibility: visible under a hidden parent, on an image a phone's rule may reveal",
      (image) => `<style>@media (max-width:600px){.m{display:block!important}}</style><div style="visibility:hidden"><img class="m" style="visibility:visible" src="${image}" width="300" height="100" alt="Banner"></div>`],
  ];
  return cases.map(([title, html, doctype = "<!DOCTYPE html>"], i) => {
    const image = `${cdn}/model/${i}/banner.png?u=8f3a9c2b7e1d4f6a0b5c3d2e`;
    return {
      title,
      html: `${doctype}<html><head></head><body>${html(image)}<p>Text.</p>${tracker}</body></html>`,
      phone: [image, responsiveTracker],
      desktop: [image, responsiveTracker],
    };
  });
}

