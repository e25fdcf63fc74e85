/** Words and markup shared by every feature: slugs, shortening, and the one HTML sanitiser. */
package broadsheet.text;
