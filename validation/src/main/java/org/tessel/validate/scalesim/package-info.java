/** SCALE-Sim v2 reference reports, compared line by line with Tessel's. */
package org.tessel.validate.scalesim;
