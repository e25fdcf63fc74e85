/**
 * Contributors: the people who write for the paper and the desks ("Our Foreign Staff") that sign
 * unsigned work. A desk is an organisation to search engines; a person is a person.
 */
package broadsheet.contributor;
