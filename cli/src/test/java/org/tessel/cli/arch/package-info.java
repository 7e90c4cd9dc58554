/** Architecture rules over the compiled classes of every module (ArchUnit). */
package org.tessel.cli.arch;
