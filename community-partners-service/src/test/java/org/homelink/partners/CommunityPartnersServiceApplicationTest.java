package org.homelink.partners;

import org.homelink.platform.testing.ServiceStartsHealthy;

class CommunityPartnersServiceApplicationTest extends ServiceStartsHealthy {
}
