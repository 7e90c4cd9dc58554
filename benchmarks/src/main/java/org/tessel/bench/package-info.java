/**
 * JMH benchmarks. Build with {@code mvn -q -DskipTests package -pl benchmarks -am} and run {@code
 * java -jar benchmarks/target/benchmarks.jar}; see docs/performance.md.
 */
package org.tessel.bench;
