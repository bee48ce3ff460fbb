/** Step 7, the web: server-rendered pages and the JSON API over the same services as the CLI. */
package org.paperboy.web;
