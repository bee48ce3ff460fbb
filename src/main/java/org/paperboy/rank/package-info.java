/**
 * Step 5 of the data flow: what is trending. Local upvotes ({@link org.paperboy.rank.Votes}) and
 * the external signals a feed carries, with time decay, over day / week / month windows ({@link
 * org.paperboy.rank.TrendingService}, formula in {@link org.paperboy.rank.TrendingFormula}).
 */
package org.paperboy.rank;
