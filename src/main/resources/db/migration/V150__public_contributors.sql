-- /authors/ and /api/v1/authors walk the contributors in the order they are shown (people, then desks,
-- each by name) and stop after a page, however many contributors there are.
CREATE INDEX contributors_listing_idx ON contributors ((kind = 'desk'), lower(name), id);
