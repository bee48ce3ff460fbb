/**
 * The value types every stage shares: {@link org.paperboy.paper.Paper} and its parts. No I/O here;
 * values validate themselves and parse their own text forms.
 */
package org.paperboy.paper;
