package users

import "github.com/gin-gonic/gin"

type ProfileSerializer struct {
	C *gin.Context
	UserModel
}

type ProfileResponse struct {
	Username  string `json:"username"`
	Bio       string `json:"bio"`
	Following bool   `json:"following"`
}

func (self *ProfileSerializer) Response() ProfileResponse {
	myUserModel := self.C.MustGet("my_user_model").(UserModel)
	return ProfileResponse{
		Username:  self.Username,
		Bio:       self.Bio,
		Following: myUserModel.isFollowing(self.UserModel),
	}
}

type UserResponse struct {
	Username string `json:"username"`
	Email    string `json:"email"`
	Bio      string `json:"bio"`
}

func (self *UserSerializer) Response() UserResponse {
	myUserModel := self.c.MustGet("my_user_model").(UserModel)
	return UserResponse{
		Username: myUserModel.Username,
		Email:    myUserModel.Email,
		Bio:      myUserModel.Bio,
	}
}

type UserSerializer struct {
	c *gin.Context
}
