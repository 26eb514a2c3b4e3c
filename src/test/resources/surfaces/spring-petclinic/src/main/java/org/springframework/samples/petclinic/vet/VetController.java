package org.springframework.samples.petclinic.vet;

import java.util.Comparator;
import java.util.List;

class VetController {

	// Vets have a last name too (Person's), in another table: not a use of owners.last_name.
	static String firstByLastName(List<Vet> vets) {
		Vet vet = vets.stream().min(Comparator.comparing(Vet::getLastName)).orElseThrow();
		return vet.getLastName();
	}

}
