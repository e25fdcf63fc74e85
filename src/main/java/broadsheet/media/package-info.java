/**
 * The media library's pictures: recognising, checking, cleaning and resizing them.
 *
 * <p>Words used here:
 * <dl>
 *   <dt>original</dt><dd>the bytes as supplied by an import file, the demo generator or an upload; never
 *       served, since it may carry metadata such as the GPS position where it was taken</dd>
 *   <dt>master</dt><dd>the picture at full size, re-encoded from its pixels with no metadata: JPEG, or PNG
 *       when it has transparency</dd>
 *   <dt>rendition</dt><dd>a smaller copy at one of the standard widths, as progressive JPEG and, where
 *       libwebp loads, WebP, for {@code srcset}</dd>
 *   <dt>orientation</dt><dd>the EXIF tag saying how the camera was held; applied to the pixels, then dropped</dd>
 *   <dt>sniffing</dt><dd>telling the format from the first bytes, never from a file name</dd>
 *   <dt>library</dt><dd>every stored picture, with its number (id), caption, credit, alt text and rights flag</dd>
 *   <dt>syndicatable</dt><dd>"can be syndicated": the paper holds the rights to pass the picture to partners</dd>
 *   <dt>use</dt><dd>an article showing the picture as its lead or in its body, or a contributor's profile picture</dd>
 *   <dt>staged</dt><dd>files of an upload or import written aside, in the media folder's {@code .staging}, and moved
 *       into place only once its transaction has committed; a <em>leftover</em> is what a killed process staged</dd>
 *   <dt>snippet</dt><dd>the Markdown that places a library picture in a body: {@code ![alt](image:42 "Caption | Credit")}</dd>
 * </dl>
 */
package broadsheet.media;
