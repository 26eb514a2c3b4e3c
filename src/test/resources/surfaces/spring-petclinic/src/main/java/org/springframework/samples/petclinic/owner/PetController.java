package org.springframework.samples.petclinic.owner;

import java.time.LocalDate;

import org.springframework.validation.BindingResult;

class PetController {

	public String processUpdateForm(Owner owner, Pet pet, BindingResult result) {
		LocalDate currentDate = LocalDate.now();
		if (pet.getBirthDate() != null && pet.getBirthDate().isAfter(currentDate)) {
			result.rejectValue("birthDate", "typeMismatch.birthDate");
		}
		Pet existingPet = owner.getPets().get(0);
		existingPet.setName(pet.getName());
		existingPet.setBirthDate(pet.getBirthDate());
		return "redirect:/owners/{ownerId}";
	}

}
