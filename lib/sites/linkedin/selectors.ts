/**
 * The one LinkedIn selector table. Each field lists its alternatives, most durable first; every
 * alternative names the month it was seen and the fixture that shows it. Fixture paths starting
 * with a folder name are in `../shared/fixtures/`; `tests/fixtures/…` are our scrubbed copies.
 * JSON-LD and embedded-JSON reads come before these (see parse-profile.ts / parse-company.ts).
 */
export const SELECTORS = {
  jsonLd: [
    // 2024-06, scoutr-linkedin/public-2024/profile1.html (Person @graph); metascraper-linkedin/linkedin-company.html
    'script[type="application/ld+json"]',
  ],
  embeddedJson: [
    // 2024-07, scoutr-linkedin/loggedin-2024-fullhead/profile1-with-head.html
    'code[id^="bpr-guid-"]',
  ],
  canonical: [
    // 2024-06, scoutr-linkedin/public-2024/profile1.html; 2015-08, linkedin-scraper-rb/jeffweiner08-2015-08-06-6e734f5.html
    'link[rel="canonical"]',
  ],
  refresh: [
    // 2024-06, scoutr-linkedin/public-2024/bannedPage.html (empty body, JS challenge, meta refresh)
    'meta[http-equiv="refresh"]',
  ],
  notFound: [
    // 2024-06, scoutr-linkedin/public-2024/profilePrivate.html
    'h1.page-not-found__headline',
  ],
  profile: {
    /** Hooks (ids, data-*, aria-*, microdata-like meta). */
    fullNameHooks: [
      // 2024-07, scoutr-linkedin/loggedin-2024/profile1.html (top card section carries data-member-id)
      'section[data-member-id] h1',
      // 2016-01, linkedin-scraper-rb/jeffweiner08-2016-01-01-8e1ca7f.html; 2016-09, linkedin-public-profile-js/profile-test-fixtures.html
      'h1#name',
    ],
    fullNameClasses: [
      // 2024-06, scoutr-linkedin/public-2024/profile1.html
      'h1.top-card-layout__title',
      // 2024-07, scoutr-linkedin/loggedin-2024/profile1.html
      'h1.text-heading-xlarge',
      // 2015-08, linkedin-scraper-rb/jeffweiner08-2015-08-06-6e734f5.html; 2013-05, linkedin-scraper-rb/jgrevich-2013-05-27-0e9c982.html
      '.full-name',
    ],
    givenNameClasses: [
      // 2013-05, linkedin-scraper-rb/jgrevich-2013-05-27-0e9c982.html (hCard)
      '.given-name',
    ],
    familyNameClasses: [
      // 2013-05, linkedin-scraper-rb/jgrevich-2013-05-27-0e9c982.html (hCard)
      '.family-name',
    ],
    headlineHooks: [
      // 2024-07, scoutr-linkedin/loggedin-2024/profile1.html
      'section[data-member-id] [data-generated-suggestion-target]',
      // 2016-09, linkedin-public-profile-js/profile-test-fixtures.html
      '[data-section="headline"]',
    ],
    headlineClasses: [
      // 2024-06, scoutr-linkedin/public-2024/profile1.html
      'h2.top-card-layout__headline',
      // 2024-07, scoutr-linkedin/loggedin-2024/profile1.html
      'section[data-member-id] .text-body-medium',
      // 2016-01, linkedin-scraper-rb/jeffweiner08-2016-01-01-8e1ca7f.html
      '.profile-overview-content p.headline',
      // 2015-08, linkedin-scraper-rb/jeffweiner08-2015-08-06-6e734f5.html
      '#top-card p.title',
      // 2013-05, linkedin-scraper-rb/jgrevich-2013-05-27-0e9c982.html
      'p.headline-title',
    ],
    /** The current position, as a block holding title, company name and company link. */
    currentPositionHooks: [
      // 2024-06, scoutr-linkedin/public-2024/profile1.html (company link only); 2016-09, linkedin-public-profile-js/profile-test-fixtures.html
      '[data-section="currentPositionsDetails"]',
    ],
    currentCompanyAria: [
      // 2024-07, scoutr-linkedin/loggedin-2024/profile1.html ("Current company: X. Click to skip to experience card")
      '[aria-label^="Current company:"]',
    ],
    experienceAnchor: [
      // 2024-07, scoutr-linkedin/loggedin-2024/profile1.html (section > #experience + profile-component-entity list)
      '#experience',
    ],
    experienceEntity: [
      // 2024-07, scoutr-linkedin/loggedin-2024/profile2.html (grouped: company header, roles nested)
      '[data-view-name="profile-component-entity"]',
    ],
    positionClasses: [
      // 2015-08, linkedin-scraper-rb/jeffweiner08-2015-08-06-6e734f5.html
      '#background-experience .current-position',
      // 2016-01, linkedin-scraper-rb/jeffweiner08-2016-01-01-8e1ca7f.html
      '#experience li.position',
      // 2013-05, linkedin-scraper-rb/jgrevich-2013-05-27-0e9c982.html
      '.position.summary-current',
    ],
    positionTitle: [
      // 2016-01, linkedin-scraper-rb/jeffweiner08-2016-01-01-8e1ca7f.html
      '.item-title',
      // 2013-05, linkedin-scraper-rb/jgrevich-2013-05-27-0e9c982.html
      'span.title',
      // 2015-08, linkedin-scraper-rb/jeffweiner08-2015-08-06-6e734f5.html
      'h4',
    ],
    positionCompany: [
      // 2016-01, linkedin-scraper-rb/jeffweiner08-2016-01-01-8e1ca7f.html
      '.item-subtitle',
      // 2024-06, scoutr-linkedin/public-2024/profile1.html
      '.top-card-link__description',
      // 2013-05, linkedin-scraper-rb/jgrevich-2013-05-27-0e9c982.html
      '.org',
      // 2015-08, linkedin-scraper-rb/jeffweiner08-2015-08-06-6e734f5.html
      'h5 a[href*="/company/"]',
    ],
    entityBold: [
      // 2024-07, scoutr-linkedin/loggedin-2024/profile1.html (aria-hidden copy; a visually-hidden twin follows)
      '.t-bold span[aria-hidden="true"]',
    ],
    entitySubtitle: [
      // 2024-07, scoutr-linkedin/loggedin-2024/profile1.html ("Novare Potential · Full-time")
      'span.t-14.t-normal:not(.t-black--light) > span[aria-hidden="true"]',
    ],
    entityNested: [
      // 2024-07, scoutr-linkedin/loggedin-2024/profile2.html
      '.pvs-entity__sub-components [data-view-name="profile-component-entity"]',
    ],
    companyLink: [
      // 2024-07, scoutr-linkedin/loggedin-2024/profile1.html; 2024-06, scoutr-linkedin/public-2024/profile1.html; 2013-05 jgrevich (relative)
      'a[href*="/company/"]',
    ],
    locationHooks: [
      // 2024-07, scoutr-linkedin/loggedin-2024/profile1.html: the span before the contact-info link's wrapper
      'section[data-member-id] #top-card-text-details-contact-info',
    ],
    locationClasses: [
      // 2024-06, scoutr-linkedin/public-2024/profile2.html
      '.top-card-layout__first-subline .profile-info-subheader span',
      // 2024-07, scoutr-linkedin/loggedin-2024/profile3.html
      'section[data-member-id] span.text-body-small.inline.t-black--light.break-words',
      // 2016-01, linkedin-scraper-rb/jeffweiner08-2016-01-01-8e1ca7f.html; 2015-08 and 2013-05 in the same folder
      '.locality',
    ],
    photoHooks: [
      // 2024-07, scoutr-linkedin/loggedin-2024/profile1.html
      'section[data-member-id] button[aria-label="open profile picture"] img',
      // 2016-09, linkedin-public-profile-js/profile-test-fixtures.html
      '[data-section="picture"] img',
      // 2016-01, linkedin-scraper-rb/jeffweiner08-2016-01-01-8e1ca7f.html
      'meta[property="og:image"]',
    ],
    photoClasses: [
      // 2024-07, scoutr-linkedin/loggedin-2024/profile3.html
      'img.pv-top-card-profile-picture__image--show',
      // 2024-06, scoutr-linkedin/public-2024/profile1.html
      'img.top-card__profile-image',
      // 2015-08, linkedin-scraper-rb/jeffweiner08-2015-08-06-6e734f5.html
      '.profile-picture img',
      // 2013-05, linkedin-scraper-rb/jgrevich-2013-05-27-0e9c982.html
      'img.photo',
    ],
  },
  company: {
    nameClasses: [
      // 2024, metascraper-linkedin/linkedin-company.html
      'h1.top-card-layout__title',
    ],
    // 2024, metascraper-linkedin/linkedin-company.html (each a <div data-test-id> holding <dt> and <dd>)
    website: ['[data-test-id="about-us__website"] dd a', '[data-test-id="about-us__website"] dd'],
    industry: ['[data-test-id="about-us__industry"] dd'],
    size: ['[data-test-id="about-us__size"] dd'],
    headquarters: ['[data-test-id="about-us__headquarters"] dd'],
  },
  salesNavigator: {
    // No real Sales Navigator page exists yet: this only looks for any link to a member profile.
    profileLink: ['a[href*="/in/"]'],
  },
} as const;
