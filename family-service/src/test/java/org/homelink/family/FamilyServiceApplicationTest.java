package org.homelink.family;

import org.homelink.platform.testing.ServiceStartsHealthy;

class FamilyServiceApplicationTest extends ServiceStartsHealthy {
}
