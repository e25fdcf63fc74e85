-- WebP renditions compressed harder for high-density phone screens ('webp-dense'), listed in their own <source>.
ALTER TABLE image_renditions DROP CONSTRAINT image_renditions_format_check;
ALTER TABLE image_renditions ADD CONSTRAINT image_renditions_format_check CHECK (format IN ('jpeg', 'webp', 'webp-dense'));
