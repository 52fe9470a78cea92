/**
 * The register of trusts and schools, published by family-service.
 * <p>
 * A trust runs one or more schools; a school that stands alone is a trust of one. Every other service learns the
 * trusts and schools from these events, the same way it learns families, and uses the pair (trust, school URN) to
 * keep each record within its tenancy.
 */
package org.homelink.contracts.school;
