/**
 * HTML helpers with no feature of their own: escaping, used by the web pages ({@code web}) and by
 * the digest's mail ({@code digest}), so that neither depends on the other.
 */
package org.paperboy.html;
