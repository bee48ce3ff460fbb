/** Helpers shared by the tests of several packages (the movable clock). */
package org.paperboy.testing;
